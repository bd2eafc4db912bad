/** The Radix dropdown menu of the composer's tools menu and model picker, loaded on first use. */
export { DropdownMenu } from "radix-ui";
