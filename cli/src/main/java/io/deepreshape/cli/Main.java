package io.deepreshape.cli;

public final class Main {
  public static void main(String[] args) {
    System.out.println("deepreshape");
  }
}
