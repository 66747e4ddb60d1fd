// The "Hội nghị đối thoại" section: /dialogue lists the conferences of a unit, /dialogue/<id> is one conference.
import { lazy } from 'react';
import { useLocation } from '../router.tsx';
import ConferenceList from './ConferenceList.tsx';
import './dialogue.css';

const ConferencePage = lazy(() => import('./ConferencePage.tsx'));

export default function DialoguePage() {
  const { path } = useLocation();
  const rest = path.replace(/^\/dialogue\/?/, '');
  if (!rest) return <ConferenceList />;
  return <ConferencePage key={rest} id={decodeURIComponent(rest.split('/')[0] ?? '')} />;
}
