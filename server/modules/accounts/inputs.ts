import { z } from 'zod';

export const MAX_EMAIL = 254;
export const MAX_NAME = 100;
export const MAX_PASSWORD = 256;

export const emailInput = z
  .string()
  .max(MAX_EMAIL, `Email addresses have at most ${MAX_EMAIL} characters.`)
  .refine((value) => z.email().safeParse(value.trim()).success, 'Enter a valid email address.');

export const nameInput = z
  .string()
  .max(MAX_NAME, `Names have at most ${MAX_NAME} characters.`)
  .refine((value) => value.trim().length > 0, 'A name is required.');

export const passwordInput = z.string().max(MAX_PASSWORD, `Passwords have at most ${MAX_PASSWORD} characters.`);

export const tokenInput = z.string().min(1, 'A token is required.').max(200, 'This link is invalid or has expired.');

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
