package acme.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void aLongMixedPasswordIsAccepted() {
        assertTrue(policy.accepts("Correct7Horse"));
    }

    @Test
    void tooShortIsRejected() {
        assertFalse(policy.accepts("Ab1"));
    }

    @Test
    void missingDigitIsRejected() {
        assertFalse(policy.accepts("NoDigitsAtAll"));
    }

    @Test
    void missingUpperCaseIsRejected() {
        assertFalse(policy.accepts("all-lower-case-9"));
    }

    @Test
    void deniedPasswordsAreRejectedInAnyCase() {
        assertFalse(policy.accepts("Password123"));
    }

    @Test
    void relaxedPolicyNeedsOnlyLength() {
        PasswordPolicy relaxed = new PasswordPolicy(6, false, false, Set.of());
        assertTrue(relaxed.accepts("simple"));
    }

    @Test
    void problemsNameEveryMissingRule() {
        assertEquals(List.of("at least 10 characters", "a digit", "an upper-case letter"), policy.problems("short"));
    }
}
