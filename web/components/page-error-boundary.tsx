import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

/**
 * A page that fails to load (its chunk could not be fetched) or to render says so under the header,
 * instead of leaving the whole app blank. Keyed by path in the layout, so navigating away resets it.
 */
export class PageErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="alert alert-error card" role="alert">
        <p>This page could not be loaded; the connection may have dropped.</p>
        <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
