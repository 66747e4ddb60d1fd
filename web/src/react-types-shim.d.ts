// Stand-in types for React while @types/react and @types/react-dom are not installed: delete this file once they are.
// The root tsconfig type-checks web/src, so without React's types `npm run typecheck` fails on every JSX file.
// These declarations are deliberately loose (props are open records, nodes are `any`) but keep hooks, events
// and antd's generic props typed enough that mistakes in our own code still show.

declare module 'react' {
  export type Key = string | number | bigint;
  export type ReactNode = any;
  export type ReactElement<P = any> = any;
  export type ReactPortal = any;
  export type ReactInstance = any;
  export type ErrorInfo = { componentStack?: string | null };
  export type CSSProperties = { [property: string]: any };
  export type AriaRole = string;
  export type HTMLInputTypeAttribute = string;
  export type HTMLAttributeAnchorTarget = string;
  export type DependencyList = readonly unknown[];
  export type SetStateAction<S> = S | ((previous: S) => S);
  export type Dispatch<A> = (value: A) => void;
  export type ActionDispatch<A extends any[] = any[]> = (...args: A) => void;

  export interface SyntheticEvent<T = Element, E = Event> {
    [field: string]: any;
    target: any;
    currentTarget: T;
    nativeEvent: E;
    preventDefault(): void;
    stopPropagation(): void;
  }
  export type BaseSyntheticEvent<E = Event, C = any, T = any> = SyntheticEvent<C, E>;
  export interface ChangeEvent<T = Element> extends SyntheticEvent<T> {
    target: T;
  }
  export type FormEvent<T = Element> = SyntheticEvent<T>;
  export type SubmitEvent<T = Element> = SyntheticEvent<T>;
  export type MouseEvent<T = Element, E = Event> = SyntheticEvent<T, E>;
  export type KeyboardEvent<T = Element> = SyntheticEvent<T> & { key: string };
  export type FocusEvent<T = Element, R = Element> = SyntheticEvent<T>;
  export type DragEvent<T = Element> = SyntheticEvent<T>;
  export type TouchEvent<T = Element> = SyntheticEvent<T>;
  export type UIEvent<T = Element, E = Event> = SyntheticEvent<T, E>;
  export type WheelEvent<T = Element> = SyntheticEvent<T>;
  export type CompositionEvent<T = Element> = SyntheticEvent<T>;
  export type PointerEvent<T = Element> = SyntheticEvent<T>;
  export type EventHandler<E> = (event: E) => void;
  export type ReactEventHandler<T = Element> = EventHandler<SyntheticEvent<T>>;
  export type ChangeEventHandler<T = Element> = EventHandler<ChangeEvent<T>>;
  export type FormEventHandler<T = Element> = EventHandler<FormEvent<T>>;
  export type SubmitEventHandler<T = Element> = EventHandler<SubmitEvent<T>>;
  export type InputEventHandler<T = Element> = EventHandler<SyntheticEvent<T>>;
  export type MouseEventHandler<T = Element> = EventHandler<MouseEvent<T>>;
  export type KeyboardEventHandler<T = Element> = EventHandler<KeyboardEvent<T>>;
  export type FocusEventHandler<T = Element> = EventHandler<FocusEvent<T>>;
  export type DragEventHandler<T = Element> = EventHandler<DragEvent<T>>;
  export type TouchEventHandler<T = Element> = EventHandler<TouchEvent<T>>;
  export type PointerEventHandler<T = Element> = EventHandler<PointerEvent<T>>;
  export type UIEventHandler<T = Element> = EventHandler<UIEvent<T>>;
  export type WheelEventHandler<T = Element> = EventHandler<WheelEvent<T>>;
  export type CompositionEventHandler<T = Element> = EventHandler<CompositionEvent<T>>;
  export type ClipboardEventHandler<T = Element> = EventHandler<SyntheticEvent<T>>;
  export type AnimationEventHandler<T = Element> = EventHandler<SyntheticEvent<T>>;
  export type TransitionEventHandler<T = Element> = EventHandler<SyntheticEvent<T>>;
  export type ToggleEventHandler<T = Element> = EventHandler<SyntheticEvent<T>>;

  export interface DOMAttributes<T> {
    [attribute: string]: any;
    children?: ReactNode;
    id?: string;
    className?: string;
    style?: CSSProperties;
    title?: string;
    role?: AriaRole;
    lang?: string;
    hidden?: boolean;
    tabIndex?: number;
    onClick?: MouseEventHandler<T>;
    onChange?: ChangeEventHandler<T>;
    onInput?: FormEventHandler<T>;
    onSubmit?: FormEventHandler<T>;
    onKeyDown?: KeyboardEventHandler<T>;
    onKeyUp?: KeyboardEventHandler<T>;
    onFocus?: FocusEventHandler<T>;
    onBlur?: FocusEventHandler<T>;
  }
  export type AriaAttributes = { [attribute: string]: any };
  export interface HTMLAttributes<T> extends DOMAttributes<T> {}
  export type AllHTMLAttributes<T> = HTMLAttributes<T>;
  export type HTMLProps<T> = HTMLAttributes<T>;
  export type SVGAttributes<T> = HTMLAttributes<T>;
  export type InputHTMLAttributes<T> = HTMLAttributes<T>;
  export type ButtonHTMLAttributes<T> = HTMLAttributes<T>;
  export type AnchorHTMLAttributes<T> = HTMLAttributes<T>;
  export type FormHTMLAttributes<T> = HTMLAttributes<T>;
  export type ImgHTMLAttributes<T> = HTMLAttributes<T>;
  export type TextareaHTMLAttributes<T> = HTMLAttributes<T>;
  export type TdHTMLAttributes<T> = HTMLAttributes<T>;
  export type HtmlHTMLAttributes<T> = HTMLAttributes<T>;
  export type DialogHTMLAttributes<T> = HTMLAttributes<T>;
  export type CanvasHTMLAttributes<T> = HTMLAttributes<T>;

  export interface RefObject<T> {
    current: T;
  }
  export type MutableRefObject<T> = RefObject<T>;
  export type RefCallback<T> = (instance: T | null) => void;
  export type Ref<T> = RefCallback<T> | RefObject<T | null> | null;
  export type ForwardedRef<T> = Ref<T>;
  export type LegacyRef<T> = Ref<T>;
  export interface Attributes {
    key?: Key | null;
  }
  export interface RefAttributes<T> extends Attributes {
    ref?: Ref<T>;
  }
  export type PropsWithChildren<P = unknown> = P & { children?: ReactNode };
  export type PropsWithoutRef<P> = P;
  export type ComponentProps<T> = T extends (props: infer P) => any ? P : any;
  export type ComponentPropsWithoutRef<T> = ComponentProps<T>;
  export type ComponentRef<T> = any;
  export type ElementRef<T> = any;

  export type FunctionComponent<P = {}> = (props: P) => ReactNode;
  export type FC<P = {}> = FunctionComponent<P>;
  export type ForwardRefRenderFunction<T, P = {}> = (props: P, ref: ForwardedRef<T>) => ReactNode;
  export type ForwardRefExoticComponent<P> = ((props: P) => ReactNode) & { displayName?: string };
  export type NamedExoticComponent<P = {}> = ((props: P) => ReactNode) & { displayName?: string };
  export type MemoExoticComponent<T> = T;
  export type LazyExoticComponent<T> = T;
  export type JSXElementConstructor<P> = (props: P) => ReactNode;
  export class Component<P = {}, S = {}> {
    constructor(props: P);
    props: Readonly<P>;
    state: Readonly<S>;
    setState(state: Partial<S>): void;
    render(): ReactNode;
  }
  export class PureComponent<P = {}, S = {}> extends Component<P, S> {}
  export type ComponentClass<P = {}> = new (props: P) => Component<P, any>;
  export type ComponentType<P = {}> = ComponentClass<P> | FunctionComponent<P>;
  export type ReactHTML = any;

  export interface Context<T> {
    Provider: (props: { value: T; children?: ReactNode }) => ReactNode;
    Consumer: any;
    (props: { value: T; children?: ReactNode }): ReactNode;
  }
  export type Provider<T> = Context<T>['Provider'];
  export type Consumer<T> = any;

  export function createContext<T>(defaultValue: T): Context<T>;
  export function useContext<T>(context: Context<T>): T;
  export function useState<S>(initial: S | (() => S)): [S, Dispatch<SetStateAction<S>>];
  export function useState<S = undefined>(): [S | undefined, Dispatch<SetStateAction<S | undefined>>];
  export function useReducer<S, A>(reducer: (state: S, action: A) => S, initial: S): [S, Dispatch<A>];
  export function useEffect(effect: () => void | (() => void), deps?: DependencyList): void;
  export function useLayoutEffect(effect: () => void | (() => void), deps?: DependencyList): void;
  export function useMemo<T>(factory: () => T, deps: DependencyList): T;
  export function useCallback<T extends (...args: any[]) => any>(callback: T, deps: DependencyList): T;
  export function useRef<T>(initial: T): RefObject<T>;
  export function useRef<T>(initial: T | null): RefObject<T | null>;
  export function useId(): string;
  export function useSyncExternalStore<T>(subscribe: (onChange: () => void) => () => void, getSnapshot: () => T): T;
  export function useTransition(): [boolean, (action: () => void) => void];
  export function lazy<T>(load: () => Promise<{ default: T }>): T;
  export function memo<T>(component: T): T;
  export function startTransition(action: () => void): void;
  export const Fragment: (props: { children?: ReactNode }) => ReactNode;
  export const StrictMode: (props: { children?: ReactNode }) => ReactNode;
  export const Suspense: (props: { children?: ReactNode; fallback?: ReactNode }) => ReactNode;

  export namespace JSX {
    type Element = any;
    type ElementType = any;
    interface IntrinsicElements {
      [name: string]: HTMLAttributes<any>;
    }
  }
}

declare module 'react/jsx-runtime' {
  export const jsx: any;
  export const jsxs: any;
  export const Fragment: any;
  export namespace JSX {
    type Element = any;
    interface ElementChildrenAttribute {
      children: {};
    }
    interface IntrinsicAttributes {
      key?: string | number | bigint | null;
    }
    interface IntrinsicElements {
      [name: string]: import('react').HTMLAttributes<any>;
    }
  }
}

declare module 'react-dom/client' {
  export interface Root {
    render(node: any): void;
    unmount(): void;
  }
  export function createRoot(container: Element | DocumentFragment): Root;
}
