import { ActivityPage } from '../../features/activity/components/activity-page.js';

export default function ActivityRoute() {
  return <ActivityPage />;
}
