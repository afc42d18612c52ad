import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';

export default function Loading() {
  const t = useTranslations('scenarios.loading');
  return (
    <Card>
      <div role="status" className="py-10 text-center text-sm text-slate-500">{t('compare')}</div>
    </Card>
  );
}
