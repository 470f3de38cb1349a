/**
 * Where WebLLM loads weights and model libraries from. By default its own hosts (Hugging Face for
 * weights, GitHub for the compiled WebAssembly libraries); with a mirror, the user's server, laid out as
 * Hugging Face lays a model out:
 *   <mirror>/<model id>/resolve/main/<files of the model's Hugging Face repository>
 *   <mirror>/libs/<library file name, as in WebLLM's prebuilt list>.wasm
 * The server must answer cross-origin requests (Access-Control-Allow-Origin). Pure: tested without WebLLM.
 */
export interface ModelRecordLike {
  model: string;
  model_id: string;
  model_lib: string;
}

/** A mirror address as the user typed it: an https URL (http only for localhost), without a trailing slash. */
export function parseMirror(input: string): { ok: true; url: string } | { ok: false; error: string } {
  const text = input.trim();
  if (!text) return { ok: true, url: '' };
  if (text.length > 2_000) return { ok: false, error: `The mirror address is ${text.length.toLocaleString('en')} characters long; an address has at most 2,000.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `"${text}" is not an address. Write the mirror's full address, like https://models.example.org/webllm.` };
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return { ok: false, error: 'The mirror must use https:// (http:// only for localhost).' };
  if (url.username || url.password) return { ok: false, error: 'Leave user names and passwords out of the mirror address.' };
  if (url.search || url.hash) return { ok: false, error: 'The mirror address takes no ?query or #fragment.' };
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/** The model list with one model's weights and library pointed at the mirror (unchanged without one). */
export function mirrored<T extends ModelRecordLike>(records: T[], modelId: string, mirror: string): T[] {
  if (!mirror) return records;
  return records.map((r) =>
    r.model_id === modelId ? { ...r, model: `${mirror}/${r.model_id}/`, model_lib: `${mirror}/libs/${r.model_lib.split('/').pop()}` } : r,
  );
}
