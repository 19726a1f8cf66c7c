import type { AuditEventView } from '../../../../shared/dashboard.js';
import { LoadingPanel } from '../../../components/loading-panel.js';
import { QueryFailure } from '../../../components/query-failure.js';
import { formatDateTime } from '../../../lib/format.js';
import { useActivity } from '../api/activity.js';
import { ConsentHistory } from './consent-history.js';
import { EventSummary } from './event-summary.js';

function EventList({ events }: { events: readonly AuditEventView[] }) {
  if (events.length === 0) return <p className="empty-state">Nothing has happened on your account yet.</p>;
  return (
    <ol className="events">
      {events.map((event) => (
        <li key={event.id} className="event">
          <time dateTime={event.at}>{formatDateTime(event.at)}</time>
          <EventSummary text={event.summary} />
        </li>
      ))}
    </ol>
  );
}

export function ActivityPage() {
  const activity = useActivity();
  return (
    <section className="page" aria-labelledby="activity-title">
      <header className="page-header">
        <h1 id="activity-title">Activity</h1>
        <p className="lead">Every access request you answered, and what happened on your account since.</p>
      </header>
      {activity.isPending ? (
        <LoadingPanel label="Loading your activity…" />
      ) : activity.isError ? (
        <QueryFailure error={activity.error} onRetry={() => void activity.refetch()} />
      ) : (
        <div className="activity-grid">
          <section aria-labelledby="consents-title">
            <h2 id="consents-title">Access requests</h2>
            <ConsentHistory consents={activity.data.consents} />
          </section>
          <section aria-labelledby="events-title">
            <h2 id="events-title">Account events</h2>
            <EventList events={activity.data.events} />
          </section>
        </div>
      )}
    </section>
  );
}
