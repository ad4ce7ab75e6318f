import { z } from 'zod';
import { zodDto } from '../http/zod-dto';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
/** A closed ring of at least four positions, its first and last the same, as GeoJSON (RFC 7946) requires. */
const ring = z
  .array(position)
  .min(4)
  .refine((points) => points[0][0] === points.at(-1)![0] && points[0][1] === points.at(-1)![1], 'a ring must close');
const geometry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

/** Region outlines as a GeoJSON FeatureCollection: each feature's `properties.code` names the region by its code. */
export class RegionOutlinesBody extends zodDto(
  z.object({
    type: z.literal('FeatureCollection'),
    features: z
      .array(
        z.object({
          type: z.literal('Feature'),
          properties: z.looseObject({ code: z.string().min(1) }),
          geometry,
        }),
      )
      .min(1)
      .max(5000),
  }),
) {}
