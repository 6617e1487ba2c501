// The pulse instrument: three quick questions a convenor can run at the end of a partnership meeting.
import type { Instrument } from "./types.ts";

export const pulse: Instrument = {
  key: "pulse",
  version: 1,
  title: "Meeting pulse",
  description: "Three quick questions at the end of a partnership meeting, to track how trust is going between surveys.",
  minutes: 1,
  sections: [
    {
      key: "pulse",
      title: "Today's meeting",
      intro: "Three quick questions about the meeting that has just finished. Think about today, not the partnership in general.",
      items: [
        {
          key: "pulse_spoke_openly",
          text: "People spoke openly in today's meeting.",
          response: { kind: "agreement5" },
          construct: { kind: "pulse", aspect: "spoke_openly" },
          required: true,
        },
        {
          key: "pulse_followed_through",
          text: "Since our last meeting, partners have done what they said they would.",
          response: { kind: "agreement5" },
          construct: { kind: "pulse", aspect: "followed_through" },
          required: true,
        },
        {
          key: "pulse_moved_forward",
          text: "Today's meeting moved our joint work forward.",
          response: { kind: "agreement5" },
          construct: { kind: "pulse", aspect: "moved_forward" },
          required: true,
        },
      ],
    },
  ],
};
