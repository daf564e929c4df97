import type { ComponentPropsWithRef, ReactNode } from 'react';

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingProps extends ComponentPropsWithRef<'h1'> {
  level: HeadingLevel;
  children: ReactNode;
}

export function Heading({ level, className, children, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={[`utrecht-heading-${level}`, className].filter(Boolean).join(' ')} {...rest}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead, className }: { children: ReactNode; lead?: boolean; className?: string }) {
  return <p className={['utrecht-paragraph', lead && 'utrecht-paragraph--lead', className].filter(Boolean).join(' ')}>{children}</p>;
}
