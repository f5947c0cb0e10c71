package acme.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Password rules for account sign-up: length, character classes and a deny list of common passwords. */
public record PasswordPolicy(int minLength, boolean needDigit, boolean needUpper, Set<String> denied) {

    public static PasswordPolicy standard() {
        return new PasswordPolicy(10, true, true, Set.of("password123", "qwertyuiop", "letmein2024"));
    }

    public boolean accepts(String password) {
        if (password == null || password.length() < minLength) {
            return false;
        }
        if (denied.contains(password.toLowerCase())) {
            return false;
        }
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean upper = password.chars().anyMatch(Character::isUpperCase);
        return true;
    }

    /** What a sign-up form shows next to a rejected password. */
    public List<String> problems(String password) {
        List<String> out = new ArrayList<>();
        String p = password == null ? "" : password;
        if (p.length() < minLength) {
            out.add("at least " + minLength + " characters");
        }
        if (needDigit && p.chars().noneMatch(Character::isDigit)) {
            out.add("a digit");
        }
        if (needUpper && p.chars().noneMatch(Character::isUpperCase)) {
            out.add("an upper-case letter");
        }
        if (denied.contains(p.toLowerCase())) {
            out.add("not a common password");
        }
        return out;
    }
}
