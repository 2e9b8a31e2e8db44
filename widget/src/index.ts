/**
 * npm entry: importing it defines <urbania-meeting> (and its internal views).
 * livekit-client is loaded lazily when a call starts.
 */
export { UrbaniaMeeting } from './urbania-meeting/urbania-meeting.js';
export type { MeetingView } from './urbania-meeting/urbania-meeting.component.js';
export { emit } from './events.js';
export type { UrbaniaEventDetails, UrbaniaEventName, UrbaniaEvent, UrbaniaErrorDetail, UrbaniaChatMessageDetail } from './events.js';
export { ChatError } from './core/chat.js';
export type { ChatErrorCode } from './core/chat.js';
export { MeetingError } from './core/flow-error.js';
export { ServiceClient, ServiceError } from './core/service-client.js';
export type { RoomInfo, CallType, JoinResponse, JoinPermissions, CreateRoomRequest, ServiceErrorCode } from './core/service-client.js';
export type { CallState, ConnectionStateName, ParticipantView } from './core/call-session.js';
export type { Contact } from './views/pre-join/pre-join.component.js';
export type { Locale } from './i18n/index.js';
