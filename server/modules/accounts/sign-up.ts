import { builder } from '../../builder.js';
import { selectedRow } from '../../db/delegate.js';
import type { Context } from '../../context.js';
import { badInput, rethrowUniqueViolation } from '../../errors.js';
import { sendOrLog } from '../../mail/mailer.js';
import { verificationEmail } from '../../mail/templates.js';
import { countryFromLocale, phoneCountryInput } from '../workspaces/phone-country.js';
import { createWorkspaceWithOwner, workspaceNameInput } from '../workspaces/workspace.service.js';
import { assertOldEnough } from './age.js';
import { issueAuthToken } from './auth-tokens.service.js';
import { emailInput, nameInput, normalizeEmail, passwordInput } from './inputs.js';
import { assertStrongPassword } from './password-policy.js';
import { actionLink, startSession } from './session.service.js';

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    name: t.string({ validate: nameInput }),
    email: t.string({ validate: emailInput }),
    password: t.string({ validate: passwordInput }),
    workspaceName: t.string({ validate: workspaceNameInput }),
    birthDate: t.field({ type: 'Date', required: false, description: 'Used once to check the minimum age of 16; never stored.' }),
    confirmAge16OrOlder: t.boolean({ required: false, description: 'An explicit confirmation of being 16 or older, instead of a birth date.' }),
    defaultPhoneCountry: t.string({
      required: false,
      description: "The workspace's country for phone numbers written without +code; guessed from Accept-Language when left out.",
      validate: phoneCountryInput,
    }),
  }),
});

type SignUpArgs = typeof SignUpInput.$inferInput;

export async function signUp(context: Context, input: SignUpArgs) {
  await context.app.actionLimits.consume('signUp', context.request.ip);
  assertOldEnough(input);
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  await assertStrongPassword(input.password, [name, email]);
  const duplicate = badInput('An account with this email already exists. Sign in instead.', 'email');
  if (await context.prisma.user.findUnique({ where: { email }, select: { id: true } })) throw duplicate;

  const passwordHash = await context.app.passwords.hash(input.password);
  const { user, token } = await context.prisma.$transaction(async (tx) => {
    const created = await tx.user
      .create({ data: { name, email, passwordHash, ageConfirmedAt: new Date() } })
      .catch((error: unknown) => rethrowUniqueViolation(error, duplicate.message, 'email'));
    await createWorkspaceWithOwner(tx, input.workspaceName, created.id, input.defaultPhoneCountry ?? countryFromLocale(context.request.acceptLanguage));
    return { user: created, token: await issueAuthToken(tx, created.id, 'EMAIL_VERIFICATION') };
  });
  await startSession(context, user.id);
  // The account exists now: a lost email must not fail the sign-up; resendVerificationEmail recovers.
  await sendOrLog(context.app.mailer, context.app.logger, { ...verificationEmail(email, name, actionLink(context, '/verify-email', token)), userId: user.id });
  return user;
}

builder.mutationField('signUp', (t) =>
  t.prismaField({
    type: 'User',
    description: 'Creates an account, its first workspace (you are its owner) and signs you in. A verification email follows.',
    authScopes: { public: true },
    args: { input: t.arg({ type: SignUpInput }) },
    resolve: async (query, _root, { input }, ctx) => selectedRow(ctx, 'user', query, await signUp(ctx, input)),
  }),
);
