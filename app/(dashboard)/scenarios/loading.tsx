import { Card } from '@/components/ui/card';

export default function Loading() {
  return (
    <Card>
      <div role="status" className="py-10 text-center text-sm text-slate-500">
        Evaluating the scenarios (Monte Carlo over every driver and coefficient range)…
      </div>
    </Card>
  );
}
