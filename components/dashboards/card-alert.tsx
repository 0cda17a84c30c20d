import { Alert } from "@/components/ui/alert";

/** A client card's failed refresh: the last good chart stays below; this says the new one did not load. */
export function CardAlert({ message }: { message: string }) {
  return (
    <div className="mb-3">
      <Alert tone="danger" live title="Could not update this card">
        {message}. The chart below shows the previous selection.
      </Alert>
    </div>
  );
}
