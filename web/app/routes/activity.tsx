import { ActivityPage } from '../../features/activity/components/activity-page.js';
import { RequireSession } from './require-session.js';

export default function ActivityRoute() {
  return (
    <RequireSession>
      <ActivityPage />
    </RequireSession>
  );
}
