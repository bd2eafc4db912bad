// The icons behind ChatKit's built-in names, statically imported so a bundler emits them as one
// chunk. Only `icon.tsx` reaches this module, through `import()`.
import {
  Atom,
  Award,
  Book,
  BookMarked,
  BookOpen,
  Bot,
  Box,
  BriefcaseBusiness,
  Bug,
  Calendar,
  ChartColumn,
  ChartLine,
  Check,
  ChevronLeft,
  ChevronRight,
  Circle,
  CircleCheck,
  CircleCheckBig,
  CircleQuestionMark,
  CircleUser,
  Clock,
  Compass,
  Ellipsis,
  EllipsisVertical,
  ExternalLink,
  File,
  FileText,
  FlaskConical,
  Globe,
  IdCard,
  ImageIcon,
  Images,
  Info,
  KeyRound,
  Layers,
  LifeBuoy,
  Lightbulb,
  type LucideIcon,
  type LucideProps,
  Mail,
  MapIcon,
  MapPin,
  MessageSquareText,
  Monitor,
  Notebook,
  NotebookPen,
  PartyPopper,
  PencilLine,
  PenLine,
  Phone,
  Play,
  Plus,
  RefreshCw,
  Search,
  SlidersHorizontal,
  Smartphone,
  Sparkle,
  Sparkles,
  SquareCode,
  SquarePen,
  Star,
  Tag,
  User,
  Zap,
} from "lucide-react";
import { forwardRef } from "react";

/** A filled dot: ChatKit's `dot` is a bullet, lucide's `Dot` a hairline ring. */
const FilledDot = forwardRef<SVGSVGElement, LucideProps>(function FilledDot(
  {
    size = 24,
    color = "currentColor",
    strokeWidth: _strokeWidth,
    absoluteStrokeWidth: _a,
    ...props
  },
  ref,
) {
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={color}
      aria-hidden="true"
      {...props}
    >
      <circle cx="12" cy="12" r="5" />
    </svg>
  );
}) as LucideIcon;

function filled(Icon: LucideIcon, name: string): LucideIcon {
  const Filled = forwardRef<SVGSVGElement, LucideProps>(function Filled(props, ref) {
    return <Icon ref={ref} fill="currentColor" {...props} />;
  });
  Filled.displayName = name;
  return Filled as LucideIcon;
}

/**
 * ChatKit's 64 built-in icon names mapped to lucide icons. Widgets load this module as one lazy
 * chunk on their first icon ({@link preloadWidgetIcons}); importing it directly puts all 64 icons
 * in the importing bundle. To change or add icons, use {@link registerWidgetIcons}.
 */
export const WIDGET_ICONS: Readonly<Record<string, LucideIcon>> = {
  agent: Bot,
  analytics: ChartColumn,
  atom: Atom,
  batch: Layers,
  bolt: Zap,
  "book-open": BookOpen,
  "book-closed": Book,
  "book-clock": BookMarked,
  bug: Bug,
  calendar: Calendar,
  chart: ChartLine,
  check: Check,
  "check-circle": CircleCheck,
  "check-circle-filled": CircleCheckBig,
  "chevron-left": ChevronLeft,
  "chevron-right": ChevronRight,
  "circle-question": CircleQuestionMark,
  clock: Clock,
  compass: Compass,
  confetti: PartyPopper,
  cube: Box,
  desktop: Monitor,
  document: FileText,
  dot: FilledDot,
  "dots-horizontal": Ellipsis,
  "dots-vertical": EllipsisVertical,
  "empty-circle": Circle,
  "external-link": ExternalLink,
  globe: Globe,
  keys: KeyRound,
  lab: FlaskConical,
  images: Images,
  info: Info,
  lifesaver: LifeBuoy,
  lightbulb: Lightbulb,
  mail: Mail,
  "map-pin": MapPin,
  maps: MapIcon,
  mobile: Smartphone,
  name: Tag,
  notebook: Notebook,
  "notebook-pencil": NotebookPen,
  "page-blank": File,
  phone: Phone,
  play: Play,
  plus: Plus,
  profile: CircleUser,
  "profile-card": IdCard,
  reload: RefreshCw,
  star: Star,
  "star-filled": filled(Star, "StarFilled"),
  search: Search,
  sparkle: Sparkle,
  "sparkle-double": Sparkles,
  "square-code": SquareCode,
  "square-image": ImageIcon,
  "square-text": MessageSquareText,
  suitcase: BriefcaseBusiness,
  "settings-slider": SlidersHorizontal,
  user: User,
  wreath: Award,
  write: PenLine,
  "write-alt": SquarePen,
  "write-alt2": PencilLine,
};
