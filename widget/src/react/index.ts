/**
 * React wrapper generated with @lit/react: `import { UrbaniaMeeting } from '@urbania/meeting/react'`.
 * Events are props: onJoined, onLeft, onParticipantJoined, onParticipantLeft, onRoomCreated, onError, onChatMessage.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { UrbaniaMeeting as UrbaniaMeetingElement } from '../urbania-meeting/urbania-meeting.js';
import type { UrbaniaEvent } from '../events.js';

export const UrbaniaMeeting = createComponent({
  tagName: 'urbania-meeting',
  elementClass: UrbaniaMeetingElement,
  react: React,
  events: {
    onJoined: 'urbania-joined' as EventName<UrbaniaEvent<'urbania-joined'>>,
    onLeft: 'urbania-left' as EventName<UrbaniaEvent<'urbania-left'>>,
    onParticipantJoined: 'urbania-participant-joined' as EventName<UrbaniaEvent<'urbania-participant-joined'>>,
    onParticipantLeft: 'urbania-participant-left' as EventName<UrbaniaEvent<'urbania-participant-left'>>,
    onRoomCreated: 'urbania-room-created' as EventName<UrbaniaEvent<'urbania-room-created'>>,
    onError: 'urbania-error' as EventName<UrbaniaEvent<'urbania-error'>>,
    onChatMessage: 'urbania-chat-message' as EventName<UrbaniaEvent<'urbania-chat-message'>>,
  },
  displayName: 'UrbaniaMeeting',
});

export type { UrbaniaEventDetails } from '../events.js';
