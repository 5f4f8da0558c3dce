/** A dot-atom local part: no leading, trailing or doubled dot. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** A host name of at least two labels; letters of any script, for internationalized domains. */
const DOMAIN =
  /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
/** `Name <address>` or `"Name, Jr" <address>`. */
const NAMED = /^\s*(?:"([^"\\\r\n]*)"|([^"<>\r\n]*?))\s*<([^<>\s]+)>\s*$/;

/** Whether `address` is a plain email address (`local@example.com`), without a display name. */
export function isEmailAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  return LOCAL_PART.test(address.slice(0, at)) && DOMAIN.test(address.slice(at + 1));
}

/** The address of `alerts@example.com` or `Faultline <alerts@example.com>`; undefined when it is neither. */
export function mailboxAddress(mailbox: string): string | undefined {
  const named = NAMED.exec(mailbox);
  const address = named ? named[3]! : mailbox.trim();
  return isEmailAddress(address) ? address : undefined;
}

/** Splits `a@x.com, "Doe, Jane" <b@x.com>` at the commas outside quotes. */
export function splitAddressList(list: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of list) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** The domain of a valid mailbox, for the Message-ID. */
export function mailboxDomain(mailbox: string): string {
  const address = mailboxAddress(mailbox) ?? '';
  return address.slice(address.lastIndexOf('@') + 1) || 'faultline.invalid';
}
