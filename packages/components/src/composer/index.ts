export {
  ComposerAddAttachment as AddAttachment,
  ComposerAttachments as Attachments,
  ComposerInput as Input,
  type ComposerInputProps as InputProps,
  type ComposerRejection as Rejection,
  type ComposerRootProps as StaticRootProps,
  ComposerStatus as Status,
  ComposerStop as Stop,
  ComposerSubmit as Submit,
  type ComposerSubmitProps as SubmitProps,
} from "./composer";
export { ComposerRejections as Rejections } from "./composer-rejections";
export {
  type ComposerRootAnyProps as RootProps,
  ComposerRootSwitch as Root,
  type ConnectedComposerRootProps as ConnectedRootProps,
} from "./connected-composer";
