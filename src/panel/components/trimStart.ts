/**
 * CSS that cuts a too-long name from the left, behind an ellipsis, so its end (the
 * function) stays readable where the width is only known to the browser (table
 * cells, titles). The marks keep the name's own left-to-right order.
 */
export const trimStart = {
  overflow: 'hidden',
  whiteSpace: 'nowrap',
  textOverflow: 'ellipsis',
  direction: 'rtl',
  textAlign: 'left',
  '&::before, &::after': { content: '"\\200E"' },
} as const;
