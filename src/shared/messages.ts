/**
 * What the user reads when a setting or a query breaks a rule the backend
 * enforces too: the backend embeds the same messages.json, so the config
 * page, the editor, the health check and a query's error say the same.
 */
import messages from './messages.json';

export type MessageKey = Exclude<keyof typeof messages, 'about'>;

/** The message for a rule, with what the user typed in place of {value}. */
export function ruleMessage(key: MessageKey, value = ''): string {
  return messages[key].split('{value}').join(value);
}
