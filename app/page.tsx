import { redirect } from 'next/navigation';

import { LandingPage } from '@/components/landing/landing-page';
import { getSession } from '@/lib/auth/page-guard';

/** GET / — signed in: straight to the cosigners; signed out: a static page with a sign-in button, no data. */
export default async function Home() {
  const session = await getSession();
  if (session) redirect(session.user.role ? '/cosigners' : '/no-access');
  return <LandingPage />;
}
