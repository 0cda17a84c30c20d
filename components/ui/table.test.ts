import { createElement as h, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RowHeader, Table, Td, Tr, type TableHeading } from "./table";

const columns: TableHeading[] = [{ label: "Name" }, { label: "Events", align: "right" }, { label: "Actions", srOnly: true }];
const render = (props: Parameters<typeof Table>[0], rows: ReactNode[] = []) => renderToStaticMarkup(h(Table, props, ...rows));

describe("Table", () => {
  it("shows the empty state in one row spanning every column", () => {
    const html = render({ columns, empty: "Nothing yet.", caption: "Keys" });
    expect(html).toContain('<caption class="sr-only">Keys</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html).toMatch(/<tbody[^>]*><tr><td colSpan="3"[^>]*>Nothing yet\.<\/td><\/tr><\/tbody>/);
  });

  it("renders the rows instead of the empty state, numbers right-aligned", () => {
    const row = h(Tr, { id: "row-a", className: "text-zinc-500" }, h(Td, null, "gpt-4o"), h(Td, { align: "right" }, "1,204"), h(Td, null));
    const html = render({ columns, empty: "Nothing yet.", testId: "t" }, [row]);
    expect(html).not.toContain("Nothing yet.");
    expect(html).toContain('data-testid="t"');
    expect(html).toMatch(/<tr class="hover:bg-zinc-50[^"]* text-zinc-500" id="row-a">/);
    expect(html).toMatch(/<td class="[^"]*text-right tabular-nums[^"]*">1,204<\/td>/);
    expect(html).toMatch(/<th scope="col" class="[^"]*text-right[^"]*">Events<\/th>/);
    expect(html).toContain('<span class="sr-only">Actions</span>');
  });

  it("keeps data headings verbatim and puts totals in a footer", () => {
    const html = render({
      columns: [{ label: "Time" }, { label: "gpt-4o-mini", verbatim: true, align: "right" }],
      variant: "boxed",
      foot: h("tr", null, h(RowHeader, null, "Total"), h(Td, { align: "right" }, "$3.00")),
    });
    expect(html).toMatch(/<thead class="[^"]*uppercase[^"]*sticky top-0/);
    expect(html).toMatch(/<th scope="col" class="[^"]*normal-case[^"]*">gpt-4o-mini<\/th>/);
    expect(html).toMatch(/<tfoot[^>]*><tr><th scope="row"[^>]*>Total<\/th>/);
    // No rows and no empty text: an empty body, not a stray row.
    expect(html).toContain("<tbody");
    expect(html).not.toContain("colSpan");
  });
});
