/** Full-page navigation to another site (the agent's redirect URI). Its own module so tests can replace it. */
export function leavePage(url: string): void {
  window.location.assign(url);
}
