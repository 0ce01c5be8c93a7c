// A calm, official look: dark blue, plain system fonts, and text colours that keep WCAG AA contrast.
import {
  Alert,
  Anchor,
  Badge,
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
  Modal,
  Pagination,
} from '@mantine/core';

const klasterBlue: MantineColorsTuple = [
  '#edf2fa',
  '#d6e1f2',
  '#adc3e6',
  '#80a2d8',
  '#5a85cc',
  '#4272c2',
  '#3466b8',
  '#2755a0',
  '#1d4585',
  '#143466',
];

// With shade 8 as the primary shade, Mantine's green, red and yellow are too light for text on white
// (#2f9e44 is 3.4:1); darker last shades keep alerts, outlines and badges at AA contrast.
const darkerEnd = (colors: MantineColorsTuple, shade7: string, shade8: string, shade9: string): MantineColorsTuple =>
  [...colors.slice(0, 7), shade7, shade8, shade9] as unknown as MantineColorsTuple;

export const theme = createTheme({
  primaryColor: 'klaster',
  primaryShade: { light: 8, dark: 4 },
  colors: {
    klaster: klasterBlue,
    green: darkerEnd(DEFAULT_THEME.colors.green, '#24803d', '#1e6f36', '#17562a'),
    red: darkerEnd(DEFAULT_THEME.colors.red, '#c92a2a', '#b02525', '#8f1d1d'),
    // yellow outlines and titles (returned files, warnings) were 2.5:1; dark amber is above 6:1
    yellow: darkerEnd(DEFAULT_THEME.colors.yellow, '#8f6500', '#7a5500', '#5f4200'),
  },
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  components: {
    // Russian words in capitals are hard to read; keep the case as written
    Badge: Badge.extend({ styles: { root: { textTransform: 'none', fontWeight: 600 } } }),
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    Alert: Alert.extend({ defaultProps: { variant: 'outline' } }),
    Modal: Modal.extend({
      defaultProps: { centered: true },
      styles: { title: { fontWeight: 650, fontSize: '1.125rem' } },
    }),
    Pagination: Pagination.extend({ defaultProps: { withEdges: false } }),
  },
});

// Mantine's default dimmed grey (#868e96) is 3.3:1 on white, below AA; a darker grey keeps 7:1.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // field messages in Mantine's default red (#fa5252) are 3.3:1 on white; this red keeps AA
    '--mantine-color-error': '#b02525',
  },
  dark: {},
});
