import { z } from 'zod'

// Account form rules, shared by the routes and their tests.

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address.' }))

export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(10, 'Use at least 10 characters for your password.')
  .max(200, 'Use at most 200 characters for your password.')

export const signUpSchema = z.object({
  displayName: z
    .string({ error: 'Enter your producer name.' })
    .trim()
    .min(2, 'Your producer name needs at least 2 characters.')
    .max(60, 'Keep your producer name under 60 characters.'),
  email: emailSchema,
  password: newPasswordSchema,
  redirectTo: z.string().optional(),
})

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200),
  redirectTo: z.string().optional(),
})
