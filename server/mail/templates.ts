import type { Email } from './mailer.js';

export function verificationEmail(to: string, name: string, link: string): Email {
  return {
    to,
    subject: 'Verify your email for Kith',
    text: `Hello ${name},\n\nConfirm this address for your Kith account by opening:\n${link}\n\nThe link works once and expires in 24 hours. If you did not sign up, ignore this email.`,
    link,
  };
}

export function emailChangeEmail(to: string, name: string, link: string): Email {
  return {
    to,
    subject: 'Confirm your new email for Kith',
    text: `Hello ${name},\n\nConfirm that your Kith account should use this address by opening:\n${link}\n\nThe link works once and expires in 24 hours.`,
    link,
  };
}

export function emailChangedNotice(to: string, name: string, newEmail: string): Email {
  return {
    to,
    subject: 'Your Kith email is changing',
    text: `Hello ${name},\n\nSomeone (hopefully you) asked to move your Kith account to ${newEmail}. If this was not you, reset your password now.`,
  };
}

export function passwordResetEmail(to: string, name: string, link: string): Email {
  return {
    to,
    subject: 'Reset your Kith password',
    text: `Hello ${name},\n\nChoose a new password by opening:\n${link}\n\nThe link works once and expires in 1 hour. If you did not ask for this, ignore this email.`,
    link,
  };
}

export function invitationEmail(to: string, inviter: string, workspace: string, role: string, link: string): Email {
  return {
    to,
    subject: `${inviter} invited you to ${workspace} on Kith`,
    text: `${inviter} invited you to join the workspace "${workspace}" on Kith as ${role.toLowerCase()}.\n\nAccept the invitation:\n${link}\n\nThe invitation expires in 7 days.`,
    link,
  };
}
