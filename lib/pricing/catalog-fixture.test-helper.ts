import { waitForUpdate } from "@pydantic/genai-prices";
import { buildCatalogIndex } from "./build-catalog-index";
import { catalogFromGenaiPrices } from "./catalog-from-genai-prices";

/** The installed catalog as tests see it: the real package data, converted by our loader's function. */
export async function installedCatalog() {
  const providers = (await waitForUpdate()) ?? [];
  const data = catalogFromGenaiPrices(providers);
  return { providers, data, index: buildCatalogIndex(data) };
}
