/**
 * The operations map's drawing, bundled for Chromium by the map-markers part: the console's own clustering, spreading
 * and markers, on a 1440×900 map with no tiles. `window.benchMap(count)` times each step.
 */
import type { MapElderPoint } from '@eldercare/contracts';
import L from 'leaflet';
import { ElderClusters } from '../../apps/console/src/city-map/elder-clusters';
import { elementMarker } from '../../apps/console/src/city-map/map-canvas';
import { spreadCoincident } from '../../apps/console/src/city-map/spread-coincident';

/** As bench/parts/map-markers.bench.ts reads them. */
interface MapTimings {
  markers: number;
  indexMs: number;
  cityDrawMs: number;
  panFrameMs: number[];
  closeDrawMs: number;
  closeMarkers: number;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** `count` elders over a 4-km district, one in a hundred at a neighbour's address. */
function elders(count: number): MapElderPoint[] {
  let seed = 20211;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const points: MapElderPoint[] = [];
  for (let index = 0; index < count; index++) {
    const shared = index > 0 && index % 100 === 0 ? points[index - 1] : null;
    points.push({
      id: `e${index}`,
      name: `e${index}`,
      lat: shared?.lat ?? 28.655 + random() * 0.04,
      lon: shared?.lon ?? 115.885 + random() * 0.04,
      categories: [],
      regionIds: [],
      offline: false,
      lowBattery: false,
    });
  }
  return points;
}

async function benchMap(count: number): Promise<MapTimings> {
  document.body.innerHTML = '<div id="map" style="width:1440px;height:900px"></div>';
  const map = L.map('map', { maxZoom: 19 });
  const group = L.layerGroup().addTo(map);
  const points = spreadCoincident(elders(count));
  map.fitBounds(L.latLngBounds(points.map((point) => L.latLng(point.lat, point.lon))));

  let started = performance.now();
  const clusters = new ElderClusters(points, new Map());
  const indexMs = performance.now() - started;

  const draw = (): number => {
    group.clearLayers();
    const bounds = map.getBounds();
    const markers = clusters.markers(
      [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
      map.getZoom(),
    );
    for (const marker of markers)
      elementMarker([marker.lat, marker.lon], 'map-cluster', { testid: 'm' }, { label: '1' }).addTo(group);
    return markers.length;
  };

  started = performance.now();
  draw();
  await frame();
  const cityDrawMs = performance.now() - started;

  const panFrameMs: number[] = [];
  for (let step = 0; step < 10; step++) {
    map.panBy([step % 2 === 0 ? 240 : -240, 0], { animate: false });
    started = performance.now();
    draw();
    await frame();
    panFrameMs.push(performance.now() - started);
  }

  map.setView([28.675, 115.905], 19, { animate: false });
  started = performance.now();
  const closeMarkers = draw();
  await frame();
  const closeDrawMs = performance.now() - started;
  map.remove();
  return { markers: count, indexMs, cityDrawMs, panFrameMs, closeDrawMs, closeMarkers };
}

(window as unknown as { benchMap: typeof benchMap }).benchMap = benchMap;
