import { z } from 'zod';
import { zodDto } from '../http/zod-dto';

export class SignInRequest extends zodDto(
  z.strictObject({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  }),
) {}
