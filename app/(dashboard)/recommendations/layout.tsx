import { RecommendationsQueryProvider } from '@/components/recommendations/query-provider';

export default function RecommendationsLayout({ children }: { children: React.ReactNode }) {
  return <RecommendationsQueryProvider>{children}</RecommendationsQueryProvider>;
}
