import { CopyButton } from "./copy-button";

export function CodeBlock({ code, label, copyLabel }: { code: string; label: string; copyLabel?: string }) {
  return (
    <figure className="overflow-hidden rounded-lg border border-zinc-200 bg-zinc-950 dark:border-zinc-800">
      <figcaption className="flex items-center justify-between gap-2 border-b border-zinc-800 px-3 py-1.5">
        <span className="text-xs font-medium text-zinc-400">{label}</span>
        <CopyButton
          text={code}
          label={copyLabel ?? `Copy ${label}`}
          className="!h-7 !border-zinc-700 !bg-zinc-900 !text-zinc-200 hover:!bg-zinc-800"
        />
      </figcaption>
      <pre className="overflow-x-auto p-3 text-[13px] leading-relaxed text-zinc-100">
        <code className="font-mono">{code}</code>
      </pre>
    </figure>
  );
}
