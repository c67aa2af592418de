// Helpers shared by the venue pages. No framework, no build step: plain ES modules served as files.

export const lang = document.documentElement.lang === 'en' ? 'en' : 'ja';

/** The API's absolute URLs name the public host; fetch them from whatever host served this page. */
export function local(url) {
  const parsed = new URL(url, location.href);
  return parsed.pathname + parsed.search;
}

export function apiUrl(path) {
  return lang === 'en' ? `${path}?lang=en` : path;
}

export function headers(extra = {}) {
  return { Accept: 'application/json, application/problem+json', 'Accept-Language': lang, ...extra };
}

/** Reads a JSON or problem+json answer; anything else (a proxy's HTML error page) becomes null. */
export async function readJson(response) {
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : null;
}

/** Fills a poster card (registration result or management list) from a room of the API. */
export function fillCard(card, room) {
  card.querySelector('.room-name').textContent = room.room;
  card.querySelector('.code-value').textContent = room.code;
  const img = card.querySelector('.qr');
  const links = card.querySelector('.links');
  if (room.qrPngUrl) {
    img.src = local(room.qrPngUrl);
    img.alt = `${room.room} ${img.dataset.alt}`;
    card.querySelector('.view-pdf').href = local(room.posterPdfUrl);
    const download = card.querySelector('.download-pdf');
    download.href = `${local(room.posterPdfUrl)}?download=1`;
    download.setAttribute('download', `poster-${room.code}.pdf`);
  } else {
    img.remove();
    links.remove();
  }
}

/**
 * Downloads one of a venue's PDFs ('posters.pdf': every poster; 'table-cards.pdf': the table cards, 8 to a sheet).
 * The token goes in a header, never in a URL.
 */
export async function downloadVenuePdf(facilityId, token, file, onError) {
  try {
    const response = await fetch(`/api/facilities/${encodeURIComponent(facilityId)}/${file}`, {
      headers: { Authorization: `Bearer ${token}`, 'Accept-Language': lang },
    });
    if (!response.ok) {
      const problem = await readJson(response);
      onError(problem ? problem.detail : String(response.status));
      return;
    }
    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = file;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  } catch (e) {
    onError(null);
  }
}
