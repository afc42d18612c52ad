// A missing scenario answers 404. The check is here, above this segment's loading.tsx (and outside
// any loading boundary: the list's is in the (list) group): a page under a loading boundary is
// streamed after the response's 200 has been sent, so its notFound() could only show "Not found"
// with a 200 status.
import { notFound } from 'next/navigation';
import { getPageActor } from '@/lib/auth/page-actor';
import { findScenario } from '@/lib/queries/get-scenario';

export default async function ScenarioLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await getPageActor();
  const { id } = await params;
  if (!(await findScenario(id))) notFound();
  return children;
}
