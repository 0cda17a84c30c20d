import { CardSkeleton } from "@/components/dashboards/card-skeleton";

export default function Loading() {
  return (
    <div className="mx-auto w-full max-w-6xl space-y-6">
      <CardSkeleton title="Loading" height={160} />
    </div>
  );
}
