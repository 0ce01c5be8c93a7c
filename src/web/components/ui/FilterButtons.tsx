// A row of pill buttons that filter a list, the chosen one pressed (aria-pressed tells screen readers which).
import { Button, Group } from '@mantine/core';

export function FilterButtons<V extends string>({
  label,
  options,
  value,
  onChange,
  size = 'sm',
}: {
  /** the group's accessible name */
  label: string;
  options: Array<{ value: V; label: string }>;
  value: V;
  onChange: (value: V) => void;
  size?: 'xs' | 'sm';
}) {
  return (
    <Group gap="xs" role="group" aria-label={label}>
      {options.map((option) => {
        const pressed = option.value === value;
        return (
          <Button
            key={option.value}
            size={size}
            radius="xl"
            variant={pressed ? 'filled' : 'default'}
            aria-pressed={pressed}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </Button>
        );
      })}
    </Group>
  );
}
