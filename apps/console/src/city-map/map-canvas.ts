import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

/** Where a map opens when it has nothing to fit: the centre of Nanchang. */
export const DEFAULT_CENTRE: L.LatLngTuple = [28.68, 115.89];

/** Leaflet's tooltip takes HTML from a string: names go in as text nodes, never as markup. */
export function textTooltip(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

/** A marker drawn as a plain element with data attributes, no image: it draws without tiles or icon files. */
export function elementMarker(
  at: L.LatLngExpression,
  className: string,
  attributes: Record<string, string | number>,
  {
    label = '',
    size = 16,
    pane = 'markerPane',
    raised = false,
  }: { label?: string; size?: number; pane?: string; raised?: boolean } = {},
): L.Marker {
  const element = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(`data-${name}`, String(value));
  element.textContent = label;
  return L.marker(at, {
    // A raised marker stands above its point like a pin, leaving what is under it (a cluster's count) readable.
    icon: L.divIcon({
      className,
      html: element,
      iconSize: [size, size],
      iconAnchor: [size / 2, raised ? size * 1.6 : size / 2],
    }),
    keyboard: true,
    pane,
  });
}

/**
 * The tile layer of the configured server, telling `onMissing` once when tiles fail and none has loaded: on an
 * intranet without the server the map still draws everything else, on a plain background.
 */
export function tilesOrNotice(map: L.Map, tileUrl: string, attribution: string, onMissing: () => void): void {
  if (tileUrl === '') {
    onMissing();
    return;
  }
  let loaded = false;
  let told = false;
  L.tileLayer(tileUrl, { attribution, maxZoom: 19 })
    .on('tileload', () => {
      loaded = true;
    })
    .on('tileerror', () => {
      if (loaded || told) return;
      told = true;
      onMissing();
    })
    .addTo(map);
}
