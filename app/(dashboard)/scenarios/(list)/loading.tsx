// The list's own loading state, in a route group so that its Suspense boundary does not wrap
// [id]/layout.tsx, which must answer 404 before anything is streamed.
import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';

export default function Loading() {
  const t = useTranslations('scenarios.loading');
  return (
    <Card>
      <div role="status" className="py-10 text-center text-sm text-slate-500">{t('list')}</div>
    </Card>
  );
}
