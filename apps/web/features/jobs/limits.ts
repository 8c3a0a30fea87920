/** The API accepts application messages of 1 to 1,000 characters. */
export const MAX_MESSAGE_LENGTH = 1000;

/** The character count is read out to screen readers once fewer than this many characters remain. */
export const ANNOUNCE_REMAINING_BELOW = 100;
