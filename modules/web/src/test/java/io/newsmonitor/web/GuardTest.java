package io.newsmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuardTest {

    @Test
    void loopbackNamesWithOrWithoutAPortAreLoopbackHosts() {
        assertThat(Guard.isLoopbackHost("127.0.0.1:8080")).isTrue();
        assertThat(Guard.isLoopbackHost("localhost")).isTrue();
        assertThat(Guard.isLoopbackHost("LOCALHOST:8080")).isTrue();
        assertThat(Guard.isLoopbackHost("127.10.0.3:80")).isTrue();
        assertThat(Guard.isLoopbackHost("[::1]:8080")).isTrue();
    }

    @Test
    void aRebindingSiteNameIsNotALoopbackHostEvenWhenItResolvesThere() {
        assertThat(Guard.isLoopbackHost("evil.example:8080")).isFalse();
        assertThat(Guard.isLoopbackHost("localhost.evil.example")).isFalse();
        assertThat(Guard.isLoopbackHost("127.0.0.1.evil.example")).isFalse();
        assertThat(Guard.isLoopbackHost("192.168.1.4:8080")).isFalse();
        assertThat(Guard.isLoopbackHost(null)).isFalse();
    }
}
