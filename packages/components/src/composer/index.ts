export {
  ComposerAddAttachment as AddAttachment,
  ComposerAttachments as Attachments,
  ComposerInput as Input,
  type ComposerInputProps as InputProps,
  ComposerRoot as Root,
  type ComposerRootProps as RootProps,
  ComposerStatus as Status,
  ComposerStop as Stop,
  ComposerSubmit as Submit,
  type ComposerSubmitProps as SubmitProps,
} from "./composer";
