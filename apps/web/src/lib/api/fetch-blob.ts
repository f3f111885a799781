import { fetchOk } from './fetch-ok';

/** GETs a file (a CSV export) as a Blob; failures are fetchOk's `ApiError`s. */
export async function fetchBlob(path: string, init: RequestInit = {}): Promise<Blob> {
  const response = await fetchOk(path, init);
  return response.blob();
}
