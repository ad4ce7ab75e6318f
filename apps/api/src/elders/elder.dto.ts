import {
  ELDER_CATEGORIES,
  idNumberBirthDateProblem,
  isPhoneNumber,
  PHONE_NUMBER_FORMAT,
  residentIdNumberProblem,
  type ElderCategory,
} from '@eldercare/domain';
import { z } from 'zod';
import { zodDto } from '../http/zod-dto';
import { multiLine, singleLine } from '../http/text-field';

const CATEGORY_CODES = Object.keys(ELDER_CATEGORIES) as [ElderCategory, ...ElderCategory[]];
const OLDEST_BIRTH_DATE = '1900-01-01';

const phone = z.string().trim().refine(isPhoneNumber, `must be ${PHONE_NUMBER_FORMAT}`);
/** Some elders have no telephone (the call button is their line): empty means none. */
const elderPhone = z
  .string()
  .trim()
  .refine((value) => value === '' || isPhoneNumber(value), `must be ${PHONE_NUMBER_FORMAT}, or empty for none`);

const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, context) => {
    const problem = residentIdNumberProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const birthDate = z.iso
  .date({ error: 'must be a date, YYYY-MM-DD', abort: true })
  .refine(
    (value) => value >= OLDEST_BIRTH_DATE && Date.parse(value) <= Date.now(),
    'must be a date between 1900 and today',
  );

const contact = z.strictObject({
  name: singleLine(50).min(1, 'is required'),
  relation: singleLine(20),
  phone,
});

/** The fields of an elder's record a person writes, the community aside: the same for the form and the import. */
const ELDER_FIELDS = {
  name: singleLine(50).min(1, 'is required'),
  gender: z.enum(['female', 'male'], 'must be female or male'),
  birthDate,
  idNumber,
  phone: elderPhone,
  address: singleLine(200).min(1, 'is required'),
  categories: z
    .array(z.enum(CATEGORY_CODES, 'is not a category'))
    .refine((codes) => new Set(codes).size === codes.length, 'names a category twice')
    .default([]),
  medicalNotes: multiLine(2000).default(''),
  contacts: z.array(contact).max(10, 'at most 10 contacts').default([]),
  keySafeCode: singleLine(20).min(1, 'is empty: send null for none').nullable().default(null),
  home: z
    .strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .nullable()
    .default(null),
};

type Dated = { idNumber: string; birthDate: string };

/** The ID number encodes the birth date: the two must agree. Checked once both are well formed on their own. */
const idNumberMatchesBirthDate = (elder: Dated) =>
  idNumberBirthDateProblem(elder.idNumber, elder.birthDate) === undefined;
const ON_ID_NUMBER_ONCE_BOTH_READ = {
  path: ['idNumber'],
  when: (payload: z.core.ParsePayload) =>
    !payload.issues.some((issue) => issue.path?.[0] === 'idNumber' || issue.path?.[0] === 'birthDate'),
  error: (issue: { input?: unknown }) =>
    idNumberBirthDateProblem((issue.input as Dated).idNumber, (issue.input as Dated).birthDate),
};

/** An elder's record as the console sends it (`ElderInput`): strings trimmed, unknown fields refused. */
export const elderInputSchema = z
  .strictObject({ ...ELDER_FIELDS, communityId: z.uuid() })
  .refine(idNumberMatchesBirthDate, ON_ID_NUMBER_ONCE_BOTH_READ);

/** A row of an import once read (`elderDraftFromCsv`): the same checks, the community still by its code. */
export const elderDraftSchema = z
  .strictObject({ ...ELDER_FIELDS, communityCode: singleLine(32).min(1, 'is required') })
  .refine(idNumberMatchesBirthDate, ON_ID_NUMBER_ONCE_BOTH_READ);

export class ElderInputRequest extends zodDto(elderInputSchema) {}

export class ElderSearchQuery extends zodDto(
  z.strictObject({
    /** A part of the name. */
    q: z.string().trim().min(1).max(50).optional(),
    /** A region at any level. */
    regionId: z.uuid().optional(),
    category: z.enum(CATEGORY_CODES).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
) {}
