// The "Hộp việc" section: /cases is the inbox, /cases/new the registration form, /cases/<id> one case.
import { lazy } from 'react';
import { useLocation } from '../router.tsx';
import CaseInbox from './CaseInbox.tsx';

const NewCasePage = lazy(() => import('./NewCasePage.tsx'));
const CasePage = lazy(() => import('./CasePage.tsx'));

export default function CasesPage() {
  const { path } = useLocation();
  const rest = path.replace(/^\/cases\/?/, '');
  if (!rest) return <CaseInbox />;
  // NewCasePage answers 403 itself to a user who may read cases but not register them.
  if (rest === 'new') return <NewCasePage />;
  return <CasePage key={rest} id={decodeURIComponent(rest.split('/')[0] ?? '')} />;
}
