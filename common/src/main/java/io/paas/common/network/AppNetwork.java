package io.paas.common.network;

/** An app's Docker network: its id, name and subnet ({@code 10.208.3.0/24}). */
public record AppNetwork(String id, String name, String subnet) {
}
