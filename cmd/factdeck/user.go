package main

// This file holds `factdeck user`: accounts from the command line, for the
// first admin of a server that is not reachable yet, and for scripts.

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"factdeck/quiz"
	"factdeck/quiz/password"
	"factdeck/store"
)

const userUsage = `Usage:
  factdeck user add [-admin | -teacher] [-name NAME] EMAIL   create an account; the password is read from stdin
  factdeck user list                                          list the accounts
  factdeck user role EMAIL learner|teacher|admin              change an account's role
`

func userCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stderr, userUsage)
		if len(args) == 0 {
			return errUsage
		}
		return flag.ErrHelp
	}
	sub, args := args[0], args[1:]
	var c common
	fs := newFlagSet("user "+sub, "user "+sub+" [flags] ...", stderr)
	c.register(fs)
	admin := fs.Bool("admin", false, "make the account an admin")
	teacher := fs.Bool("teacher", false, "make the account a teacher")
	name := fs.String("name", "", "the account's name")
	if err := parse(fs, args); err != nil {
		return err
	}
	want := map[string]int{"add": 1, "list": 0, "role": 2}
	n, ok := want[sub]
	if !ok {
		fmt.Fprintf(stderr, "factdeck user: unknown subcommand %q\n\n%s", sub, userUsage)
		return errUsage
	}
	if fs.NArg() != n {
		fmt.Fprintf(stderr, "factdeck user %s: want %d argument(s), got %d\n\n%s", sub, n, fs.NArg(), userUsage)
		return errUsage
	}
	st, err := store.Open(ctx, c.db)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "add":
		role := quiz.LearnerRole
		switch {
		case *admin:
			role = quiz.Admin
		case *teacher:
			role = quiz.Teacher
		}
		return addUser(ctx, st, fs.Arg(0), *name, role, stdin, stdout, stderr)
	case "list":
		us, err := st.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range us {
			fmt.Fprintf(stdout, "%d\t%s\t%s\t%s\n", u.ID, u.Email, u.Role, u.Name)
		}
		return nil
	default:
		email, err := quiz.NormalizeEmail(fs.Arg(0))
		if err != nil {
			return err
		}
		role, err := quiz.ParseRole(fs.Arg(1))
		if err != nil {
			return err
		}
		u, _, err := st.Credentials(ctx, email)
		if err != nil {
			return err
		}
		if err := st.SetRole(ctx, u.ID, role); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s is now %s\n", email, role)
		return nil
	}
}

// addUser creates an account whose password is the first line of stdin
// (a terminal shows it as typed: pipe it in from a password manager).
func addUser(ctx context.Context, st *store.Store, email, name string, role quiz.Role, stdin io.Reader, stdout, stderr io.Writer) error {
	email, err := quiz.NormalizeEmail(email)
	if err != nil {
		return err
	}
	if name, err = quiz.CheckName(name); err != nil {
		return err
	}
	if f, ok := stdin.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			fmt.Fprint(stderr, "Password: ")
		}
	}
	line, err := bufio.NewReader(io.LimitReader(stdin, quiz.MaxPassword+2)).ReadString('\n')
	if err != nil && err != io.EOF {
		return fmt.Errorf("read password: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if err := quiz.CheckPassword(pw, email); err != nil {
		return err
	}
	u, err := st.CreateUser(ctx, quiz.User{Email: email, Name: name, Role: role}, password.Hash(pw, password.Default), "")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s %s (user %d)\n", u.Role, u.Email, u.ID)
	return nil
}
