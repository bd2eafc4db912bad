export { CitationMarker as Citation, SourceList as Sources } from "./citation";
export {
  MessageActionBar as ActionBar,
  MessageActions as Actions,
  type MessageActionsProps as ActionsProps,
  MessageContent as Content,
  MessageRoot as Root,
  MessageText as Text,
  type MessageTextProps as TextProps,
} from "./message";
