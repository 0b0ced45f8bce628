import type { ButtonHTMLAttributes } from 'react';

type ButtonProps = { variant?: 'primary' | 'secondary' | 'link' } & ButtonHTMLAttributes<HTMLButtonElement>;

export const Button = ({ variant = 'primary', className, type = 'button', ...props }: ButtonProps) => (
  <button type={type} className={`button button--${variant}${className ? ` ${className}` : ''}`} {...props} />
);
