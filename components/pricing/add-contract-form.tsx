import { Button } from "@/components/ui/button";

// The same field look as Settings → API keys' create form.
const input =
  "mt-1 block h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm font-normal text-zinc-900 shadow-xs placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100";
const label = "block text-sm font-medium text-zinc-800 dark:text-zinc-200";

function Field({
  name,
  text,
  type = "text",
  placeholder,
  required,
}: {
  name: string;
  text: string;
  type?: string;
  placeholder?: string;
  required?: boolean;
}) {
  return (
    <label className={label}>
      {text}
      <input
        name={name}
        type={type}
        placeholder={placeholder}
        required={required}
        className={input}
        step={type === "number" ? "any" : undefined}
        min={type === "number" ? 0 : undefined}
      />
    </label>
  );
}

/**
 * Adds a contract term. Works without client JavaScript (a server action); fields not used by the
 * chosen kind are ignored by the action and validated by the same schema as the API.
 */
export function AddContractForm({ action }: { action: (form: FormData) => Promise<void> }) {
  return (
    <form action={action} className="grid grid-cols-1 gap-3 sm:grid-cols-4" data-testid="add-contract-form">
      <label className={label}>
        Kind
        <select name="kind" className={input} defaultValue="discount">
          <option value="discount">Discount (% off list)</option>
          <option value="custom_price">Custom price (per 1M tokens)</option>
          <option value="commitment">Commitment (amount per month)</option>
        </select>
      </label>
      <Field name="name" text="Name" placeholder="Enterprise agreement" required />
      <Field name="provider" text="Provider (blank = any)" placeholder="openai" />
      <Field name="model" text="Model (blank = any)" placeholder="gpt-4o" />
      <Field name="discountPercent" text="Discount %" type="number" placeholder="15" />
      <Field name="monthlyAmountUsd" text="Monthly amount (USD)" type="number" placeholder="5000" />
      <Field name="input" text="Input $/1M" type="number" />
      <Field name="output" text="Output $/1M" type="number" />
      <Field name="cacheRead" text="Cache read $/1M" type="number" />
      <Field name="cacheWrite" text="Cache write $/1M" type="number" />
      <Field name="effectiveFrom" text="Effective from (UTC)" type="date" required />
      <Field name="effectiveTo" text="Effective to (UTC, blank = open)" type="date" />
      <div className="sm:col-span-4">
        <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">
          A start date in the past re-prices the stored events of that window in the background; the run and its totals appear below.
        </p>
        <Button type="submit">Add term</Button>
      </div>
    </form>
  );
}
